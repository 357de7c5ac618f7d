/*
 * Dockerfile lexer: the physical structure of a Dockerfile, as BuildKit's parser reads it.
 *
 * Modes follow the position in a line:
 *   DEFAULT  start of a line outside any instruction: comment / directive lines, blank lines, a keyword
 *   INSTR    the rest of an instruction line: argument text, a line continuation, the end of the line
 *   CONT     start of a line after a continuation: comment and blank lines here belong to the instruction
 *   HEREDOC  here-document body lines after an instruction line that opened heredocs
 *
 * Runtime state lives in DockerfileLexerBase: the escape character (set by an `escape` directive), the directive
 * scan (COMMENT tokens at the top are retyped to DIRECTIVE), and the queue of pending heredoc delimiters (filled at
 * the end of an instruction line, drained by HEREDOC_LINE tokens that are retyped to HEREDOC_END). Continuation
 * tokens are lexed for both possible escape characters without semantic predicates (predicates would keep ANTLR
 * from caching its lexer DFA); the base class checks each one against the current escape character and the
 * character before it, and splits a false one into TEXT and EOL. The input always ends with a newline (the driver
 * appends one when it is missing).
 */
lexer grammar DockerfileLexer;

options {
    superClass = DockerfileLexerBase;
    caseInsensitive = true;
}

tokens { DIRECTIVE, HEREDOC_END }

@header {package io.jlint.dockerfile.parser.antlr;}

// ---------------------------------------------------------------- DEFAULT: start of a line
COMMENT   : HWS* '#' ~[\n]* '\n' ;
BLANK     : HWS* '\n' ;
LEAD_WS   : HWS+ -> channel(HIDDEN) ;
// an escape character alone at the start of a line continues onto the next line before any keyword
LEAD_CONT : ESC [ \t]* '\r'* '\n' ;

ADD         : 'add'         -> mode(INSTR) ;
ARG         : 'arg'         -> mode(INSTR) ;
CMD         : 'cmd'         -> mode(INSTR) ;
COPY        : 'copy'        -> mode(INSTR) ;
ENTRYPOINT  : 'entrypoint'  -> mode(INSTR) ;
ENV         : 'env'         -> mode(INSTR) ;
EXPOSE      : 'expose'      -> mode(INSTR) ;
FROM        : 'from'        -> mode(INSTR) ;
HEALTHCHECK : 'healthcheck' -> mode(INSTR) ;
LABEL       : 'label'       -> mode(INSTR) ;
MAINTAINER  : 'maintainer'  -> mode(INSTR) ;
ONBUILD     : 'onbuild'     -> mode(INSTR) ;
RUN         : 'run'         -> mode(INSTR) ;
SHELL       : 'shell'       -> mode(INSTR) ;
STOPSIGNAL  : 'stopsignal'  -> mode(INSTR) ;
USER        : 'user'        -> mode(INSTR) ;
VOLUME      : 'volume'      -> mode(INSTR) ;
WORKDIR     : 'workdir'     -> mode(INSTR) ;
// any other first word (BuildKit rejects it after parsing; the model builder reports it)
UNKNOWN_KEYWORD : (KWCHAR+ | ESC KWCHAR*) -> mode(INSTR) ;

fragment HWS    : [ \t\u000B\f\r\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000] ;
fragment ESC    : [\\`] ;
fragment KWCHAR : ~[ \t\u000B\f\r\n\\`\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000] ;

// ---------------------------------------------------------------- INSTR: rest of an instruction line
mode INSTR;
// escape char + trailing blanks at the end of the line, unless the escape char is itself escaped
LINE_CONT : ESC [ \t]* '\r'* '\n' -> mode(CONT) ;
TEXT      : ~[\n\\`]+ ;
ESC_TEXT  : ESC -> type(TEXT) ;
EOL       : '\n' ;   // DockerfileLexerBase switches to HEREDOC or DEFAULT

// ---------------------------------------------------------------- CONT: line after a continuation
mode CONT;
CONT_COMMENT   : HWS* '#' ~[\n]* '\n' ;
CONT_BLANK     : HWS* '\n' ;
CONT_LINE_CONT : ESC [ \t]* '\r'* '\n' -> type(LINE_CONT) ;
CONT_TEXT      : ~[\n\\`]+ -> type(TEXT), mode(INSTR) ;
CONT_ESC_TEXT  : ESC -> type(TEXT), mode(INSTR) ;

// ---------------------------------------------------------------- HEREDOC: body lines up to the delimiter
mode HEREDOC;
HEREDOC_LINE : ~[\n]* '\n' ;   // retyped to HEREDOC_END when it is the pending delimiter
