package io.greenlang.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Pod names as a Deployment's pods are named: {@code <deployment>-<template hash>-<5 chars>}, in
 * the alphabet Kubernetes uses for generated names (no vowels, no look-alike digits).
 */
final class PodNames {
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PodNames() {}

  /** Ten characters that change whenever anything in the pod template changes. */
  static String templateHash(PodTemplateSpec template) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Serialization.asJson(template).getBytes(StandardCharsets.UTF_8));
      StringBuilder hash = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        hash.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
      }
      return hash.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String randomSuffix() {
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return suffix.toString();
  }
}
