/*
 * Dockerfile parser: directives, comments, blank lines and instructions. An instruction is its keyword, the rest
 * of its logical line (text pieces joined across continuations, with the comment and blank lines a continuation
 * skips), and - for the instructions that take them - the bodies of its here-documents. Repeated elements are
 * loops, never recursion, so long continuations and large files do not nest.
 *
 * What the rest of the logical line means (flags, JSON exec form or shell form, key=value pairs) is BuildKit's
 * per-instruction argument syntax; io.jlint.dockerfile.parser.Arguments applies it to the joined text.
 */
parser grammar DockerfileParser;

options { tokenVocab = DockerfileLexer; }

@header {package io.jlint.dockerfile.parser.antlr;}

dockerfile
    : directive* (comment | BLANK | instruction)* EOF
    ;

directive
    : DIRECTIVE
    ;

comment
    : COMMENT
    ;

instruction
    : leadingContinuation* (heredocInstruction | plainInstruction)
    ;

// an escape character alone on the first line(s) of an instruction
leadingContinuation
    : LEAD_CONT (COMMENT | BLANK)*
    ;

// instructions whose shell-form line may open here-documents: RUN, COPY, ADD and ONBUILD wrapping one of them
heredocInstruction
    : (RUN | COPY | ADD | ONBUILD) lineRest heredoc*
    ;

plainInstruction
    : (FROM | CMD | ENTRYPOINT | ENV | ARG | LABEL | EXPOSE | USER | WORKDIR | VOLUME | SHELL | HEALTHCHECK
      | STOPSIGNAL | MAINTAINER | UNKNOWN_KEYWORD) lineRest
    ;

// EOL is missing only when the file ends right after a continuation
lineRest
    : (TEXT | continuation)* EOL?
    ;

continuation
    : LINE_CONT (CONT_COMMENT | CONT_BLANK)*
    ;

heredoc
    : HEREDOC_LINE* HEREDOC_END
    ;
