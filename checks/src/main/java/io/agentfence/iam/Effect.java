package io.agentfence.iam;

/** A statement's Effect. */
public enum Effect { ALLOW, DENY }
