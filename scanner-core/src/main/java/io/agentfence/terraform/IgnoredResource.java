package io.agentfence.terraform;

/**
 * A resource of the plan that did not enter the proposed world, and why: a type no rule reads, a
 * type whose model is not there yet, or a dependent resource whose parent is in neither the plan
 * nor the inventory. Reported, never silently dropped.
 */
public record IgnoredResource(String address, String type, String action, String reason) {}
