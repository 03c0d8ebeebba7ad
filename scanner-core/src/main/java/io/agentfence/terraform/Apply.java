package io.agentfence.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One resource of one side of the plan being applied to the world: its values, where it lives,
 * whether it leaves the world (deleted) or enters it, and the keys under which findings will find
 * it again ({@link PlanIndex}).
 */
final class Apply {
  final View view;
  final String account;
  final String region;
  final World world;
  final boolean remove;
  final List<String> keys = new ArrayList<>();
  /** Markers of values known only after apply that cannot show in a finding's text (documents). */
  final List<String> opaque = new ArrayList<>();
  /** Set once applied: why it could not be, or empty. */
  Optional<String> failure = Optional.empty();

  Apply(View view, String account, String region, World world, boolean remove) {
    this.view = view;
    this.account = account;
    this.region = region;
    this.world = world;
    this.remove = remove;
  }

  World.Region here() {
    return world.region(account, region);
  }

  World.Acct acct() {
    return world.account(account);
  }

  /** Registers keys a finding's resource or evidence may name this resource by. */
  void key(String... k) {
    for (String s : k) {
      if (s != null && !s.isBlank()) {
        keys.add(s);
      }
    }
  }

  /** Why a dependent resource could not be applied (its parent is nowhere), or empty when it was. */
  static Optional<String> missing(String what, String id) {
    return Optional.of(what + " " + id + " is in neither the plan nor the inventory, so this change cannot be placed;"
        + " give --inventory FILE (or live targets) holding it");
  }
}
