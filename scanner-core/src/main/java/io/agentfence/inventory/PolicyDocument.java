package io.agentfence.inventory;

import io.agentfence.util.Values;

/**
 * An IAM, SCP or endpoint policy document, kept as the exact JSON text AWS returned (IAM's
 * URL-encoding already removed). It is not parsed here: a document that is not valid JSON must
 * reach the checks, which report it, rather than fail the whole snapshot.
 *
 * <p>In snapshot JSON a document that is valid JSON is written as an embedded object for
 * readability; one that is not is written as a string.
 */
public record PolicyDocument(String json) {
  public PolicyDocument {
    Values.require(json, "policy document");
  }
}
