package io.greenlang.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which user owns the current process, as far as starting embedded servers cares. */
final class ProcessOwner {

  private ProcessOwner() {}

  /** True when the process runs with user id 0 (or, where ids are not visible, as "root"). */
  static boolean isRoot() {
    try {
      // The owner of /proc/self is the effective user of this process on Linux.
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}
