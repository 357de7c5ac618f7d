package io.jlint.rules;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code rules/<ID>.md}: the YAML front matter, the title, and the {@code ## } sections with their fenced
 * code blocks.
 */
record RuleDoc(Path file, Map<String, Object> header, String title, Map<String, String> sections) {

    static final Path DIR = Path.of("rules");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern FENCE = Pattern.compile("(?ms)^```([\\w-]*)[ \\t]*\\n(.*?)^```[ \\t]*$");

    static RuleDoc read(Path file) throws IOException {
        String text = Files.readString(file).replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new IllegalArgumentException(file + ":1: must start with a YAML front matter block (---)");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalArgumentException(file + ": the front matter is not closed with a --- line");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> header = YAML.readValue(text.substring(4, end + 1), LinkedHashMap.class);
        String body = text.substring(end + 5);
        String title = null;
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder sb = new StringBuilder();
        boolean inFence = false;
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            }
            if (!inFence && line.startsWith("# ") && title == null && current == null) {
                title = line.substring(2).strip();
            } else if (!inFence && line.startsWith("## ")) {
                if (current != null) {
                    sections.put(current, sb.toString());
                }
                current = line.substring(3).strip();
                sb.setLength(0);
            } else if (current != null) {
                sb.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, sb.toString());
        }
        return new RuleDoc(file, header, title, sections);
    }

    /** The fenced blocks of a section with the given info string (e.g. {@code dockerfile}). */
    List<String> blocks(String section, String language) {
        List<String> out = new ArrayList<>();
        String text = sections.get(section);
        if (text == null) {
            return out;
        }
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(language)) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    String string(String key) {
        Object v = header.get(key);
        return v == null ? null : String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    List<String> list(String key) {
        Object v = header.get(key);
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v == null ? null : List.of(String.valueOf(v));
    }

    /** Every {@code rules/*.md}, sorted by file name. */
    static List<Path> all() throws IOException {
        if (!Files.isDirectory(DIR)) {
            return List.of();
        }
        try (var s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    static String json(Object o) {
        try {
            return new JsonMapper().writeValueAsString(o);
        } catch (IOException e) {
            return String.valueOf(o);
        }
    }
}
