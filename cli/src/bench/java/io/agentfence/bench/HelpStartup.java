package io.agentfence.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Times {@code java -jar agentfence.jar --help}, a fresh JVM each time, as a user would start it. */
final class HelpStartup {
  private HelpStartup() {}

  static void run(Path jar, int times) throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      System.out.println("no " + jar + ": build it with mvn -B -q -pl cli -am package -DskipTests");
      return;
    }
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < times + 1; i++) {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(java, "-jar", jar.toString(), "--help")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      int exit = p.waitFor();
      double t = (System.nanoTime() - t0) / 1e6;
      if (exit != 0) {
        System.out.println("agentfence --help exited " + exit);
        return;
      }
      if (i > 0) { // the first run also pays for reading the jar into the page cache
        ms.add(t);
      }
    }
    Collections.sort(ms);
    System.out.printf("java -jar %s --help, %d runs: min %.0f ms, median %.0f ms, max %.0f ms (all: %s)%n",
        jar.getFileName(), ms.size(), ms.get(0), ms.get(ms.size() / 2), ms.get(ms.size() - 1),
        ms.stream().map(d -> String.format("%.0f", d)).toList());
  }
}
