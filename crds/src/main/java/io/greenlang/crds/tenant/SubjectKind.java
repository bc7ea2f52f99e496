package io.greenlang.crds.tenant;

/** Kinds of RBAC subject a tenant member can be. */
public enum SubjectKind {
  User,
  Group,
  ServiceAccount
}
