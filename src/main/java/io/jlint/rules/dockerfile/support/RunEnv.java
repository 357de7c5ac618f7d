package io.jlint.rules.dockerfile.support;

import io.jlint.dockerfile.model.Mount;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a RUN instruction sees of its build environment: the variables (ENV of its stage chain, ARGs of its stage
 * with their defaults), the user, the working directory and its {@code --mount}s.
 *
 * @param vars    visible variables (values expanded as far as known)
 * @param user    the USER in effect (null: the base image's, normally root)
 * @param workdir the WORKDIR in effect (null: unknown, the base image's)
 * @param mounts  the RUN's mounts
 */
public record RunEnv(Map<String, String> vars, String user, String workdir, List<Mount> mounts) {

    private static final Set<String> TRUTHY = Set.of("1", "true", "yes", "on", "y", "t");

    public RunEnv {
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        mounts = List.copyOf(mounts);
    }

    /** An environment with nothing known. */
    public static RunEnv empty() {
        return new RunEnv(Map.of(), null, null, List.of());
    }

    /** True when the user is root (no USER, {@code root}, {@code 0}, {@code root:…}, {@code 0:…}). */
    public boolean root() {
        if (user == null || user.isBlank()) {
            return true;
        }
        String u = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return u.equals("root") || u.equals("0");
    }

    /** True when the variable is set to a truthy value (1, true, yes, on), any case. */
    public boolean truthy(String name) {
        String v = vars.get(name);
        return v != null && TRUTHY.contains(v.trim().toLowerCase(Locale.ROOT));
    }

    /** True when a truthy value is set for {@code name} in {@code inline} or in the environment. */
    public boolean truthy(String name, Map<String, String> inline) {
        String v = inline.get(name);
        if (v != null) {
            return TRUTHY.contains(v.trim().toLowerCase(Locale.ROOT));
        }
        return truthy(name);
    }

    /** This environment with other variables in front (for {@code VAR=x cmd} and {@code export VAR=x}). */
    public RunEnv with(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> v = new LinkedHashMap<>(vars);
        v.putAll(more);
        return new RunEnv(v, user, workdir, mounts);
    }

    /**
     * Expands {@code $V}, {@code ${V}}, {@code ${V:-w}}, {@code ${V-w}} with known variables; references to unknown
     * variables are kept as written ({@code $tmp}), so that equal unknown paths still compare equal.
     */
    public String expand(String s) {
        if (s == null || s.indexOf('$') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= s.length()) {
                out.append(c);
                i++;
                continue;
            }
            char n = s.charAt(i + 1);
            if (n == '{') {
                int close = s.indexOf('}', i + 2);
                if (close < 0) {
                    out.append(s, i, s.length());
                    break;
                }
                String inner = s.substring(i + 2, close);
                String name = inner;
                String def = null;
                int op = indexOfOperator(inner);
                if (op > 0) {
                    name = inner.substring(0, op);
                    String rest = inner.substring(op);
                    if (rest.startsWith(":-")) {
                        def = rest.substring(2);
                    } else if (rest.startsWith("-")) {
                        def = rest.substring(1);
                    } else {
                        out.append(s, i, close + 1);
                        i = close + 1;
                        continue;
                    }
                }
                String val = vars.get(name);
                if (val != null && !(val.isEmpty() && def != null && op > 0 && inner.charAt(op) == ':')) {
                    out.append(val);
                } else if (def != null) {
                    out.append(def);
                } else {
                    out.append(s, i, close + 1);
                }
                i = close + 1;
            } else if (Character.isLetter(n) || n == '_') {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                String name = s.substring(i + 1, j);
                String val = vars.get(name);
                out.append(val != null ? val : s.substring(i, j));
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int indexOfOperator(String inner) {
        for (int k = 0; k < inner.length(); k++) {
            char ch = inner.charAt(k);
            if (!(Character.isLetterOrDigit(ch) || ch == '_')) {
                return k;
            }
        }
        return -1;
    }
}
