package io.jlint.engine;

/**
 * Bad input: the user's file, archive or option is wrong. The CLI prints {@link #getMessage()} (which names the
 * file and the line and column, or the tar entry) and exits with status 2, without a stack trace.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    /** An error at a position in a text file (line and column 1-based; 0 when unknown). */
    public InputException(String file, int line, int column, String message) {
        super(format(file, line, column, message));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** An error about a file or archive as a whole, or about a tar entry ({@code where} e.g. "entry blobs/sha256/…"). */
    public InputException(String file, String message) {
        this(file, 0, 0, message);
    }

    public InputException(String file, String message, Throwable cause) {
        super(format(file, 0, 0, message), cause);
        this.file = file;
        this.line = 0;
        this.column = 0;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    private static String format(String file, int line, int column, String message) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        return sb.append(message).toString();
    }
}
