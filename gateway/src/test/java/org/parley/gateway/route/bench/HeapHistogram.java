package org.parley.gateway.route.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of another JVM by class, from {@code jcmd PID GC.class_histogram} (which runs a full GC first,
 * so only reachable objects are counted).
 *
 * @param bytesByClass class name → bytes of its live instances, largest first
 * @param totalBytes   bytes of all live objects
 */
record HeapHistogram(Map<String, Long> bytesByClass, long totalBytes) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)");

    /** Takes the histogram of the JVM {@code pid} with the {@code jcmd} of the JDK running this JVM. */
    static HeapHistogram of(long pid) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process jcmd = new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(pid),
                "GC.class_histogram").redirectErrorStream(true).start();
        String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(120, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd GC.class_histogram failed: " + text);
        }
        return parse(text);
    }

    /**
     * Writes a heap dump of the live objects of the JVM {@code pid} to {@code file} ({@code jcmd PID GC.heap_dump}),
     * for finding which objects hold the classes that grew.
     */
    static void dump(long pid, Path file) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process jcmd = new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(pid),
                "GC.heap_dump", file.toAbsolutePath().toString()).redirectErrorStream(true).start();
        String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(300, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd GC.heap_dump failed: " + text);
        }
    }

    /** Reads the output of {@code GC.class_histogram}: rows "num: instances bytes class" and the "Total" line. */
    static HeapHistogram parse(String text) throws IOException {
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                bytes.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
            }
        }
        Matcher total = TOTAL.matcher(text);
        if (!total.find()) {
            throw new IOException("no total in the class histogram: " + text);
        }
        return new HeapHistogram(bytes, Long.parseLong(total.group(2)));
    }

    /** The {@code count} classes whose live bytes grew most from {@code before} to this histogram. */
    List<Map.Entry<String, Long>> largestGrowth(HeapHistogram before, int count) {
        List<Map.Entry<String, Long>> growth = new ArrayList<>();
        bytesByClass.forEach((name, bytes) -> growth.add(Map.entry(name,
                bytes - before.bytesByClass.getOrDefault(name, 0L))));
        growth.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        return growth.subList(0, Math.min(count, growth.size()));
    }
}
