package io.jlint.image;

/** Lexical path helpers for names inside archives and layers (never touches the disk). */
public final class PathNames {
    private PathNames() {
    }

    /**
     * Cleans a tar entry name: drops "./", empty components ("//") and leading/trailing "/"; resolves ".."
     * lexically. Returns "" for the root and null when ".." climbs above the root.
     */
    public static String clean(String name) {
        if (isSimple(name)) {
            return name;
        }
        String[] parts = name.split("/", -1);
        String[] out = new String[parts.length];
        int n = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (n == 0) {
                    return null;
                }
                n--;
                continue;
            }
            out[n++] = p;
        }
        return String.join("/", java.util.Arrays.asList(out).subList(0, n));
    }

    /** True when {@code name} is already clean (the common case; avoids allocating). */
    private static boolean isSimple(String name) {
        int len = name.length();
        if (len == 0 || name.charAt(0) == '/' || name.charAt(len - 1) == '/') {
            return len == 0;
        }
        int start = 0;
        for (int i = 0; i <= len; i++) {
            if (i == len || name.charAt(i) == '/') {
                int l = i - start;
                if (l == 0 || (l == 1 && name.charAt(start) == '.')
                        || (l == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.')) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /** The parent of a clean path ("" for a top-level name). */
    public static String parent(String clean) {
        int i = clean.lastIndexOf('/');
        return i < 0 ? "" : clean.substring(0, i);
    }

    /** The last component of a clean path. */
    public static String base(String clean) {
        return clean.substring(clean.lastIndexOf('/') + 1);
    }

    /**
     * Go's {@code path.Clean} as dive applies it to entry names: like {@link #clean} but ".." above the root is
     * kept as a component (dive adds such entries under a node named ".."), and the result is "." for the root.
     */
    static String goClean(String name) {
        String c = clean(name);
        if (c != null) {
            return c.isEmpty() ? "." : c;
        }
        boolean rooted = name.startsWith("/");
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        for (String p : name.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
                continue;
            }
            out.addLast(p);
        }
        String s = String.join("/", out);
        return s.isEmpty() ? "." : s;
    }
}
