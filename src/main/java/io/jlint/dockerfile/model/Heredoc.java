package io.jlint.dockerfile.model;

/**
 * A here-document attached to RUN, COPY or ADD.
 *
 * @param name         the delimiter word, without quotes (e.g. {@code EOF})
 * @param quoted       the delimiter was quoted ({@code <<"EOF"} / {@code <<'EOF'}): no expansion in the body
 * @param chomp        {@code <<-EOF}: leading tabs are removed from body lines
 * @param destination  for COPY/ADD heredocs the file the body is written to, else null; for RUN the heredoc
 *                     is part of the command line (first one may be the script itself)
 * @param body         the body text exactly as BuildKit passes it on (after tab stripping for {@code <<-}),
 *                     each line ending in a newline, without the closing delimiter line
 * @param bodySpan     where the body lines are in the source (first body line to the end of the last one)
 * @param span         the {@code <<EOF} marker in the instruction line
 */
public record Heredoc(String name, boolean quoted, boolean chomp, String body, Span bodySpan, Span span) {
}
