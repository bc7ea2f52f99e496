package io.greenlang.runtime.provenance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as 64 lower-case hexadecimal characters. */
public final class Sha256 {

  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java runtime provides SHA-256", e);
            }
          });

  private Sha256() {}

  /** The digest of {@code bytes} in lower-case hex. */
  public static String hex(byte[] bytes) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return HexFormat.of().formatHex(digest.digest(bytes));
  }

  /** Whether {@code text} looks like a digest: 64 lower-case hex characters. */
  public static boolean isDigest(String text) {
    if (text == null || text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      if (!isLowerHex(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}
