package dev.icon.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The module rules of ARCHITECTURE.md as ArchUnit rules, on Java packages: each module owns one
 * package under {@code dev.icon}, dependencies point only down the table, and {@code examples} uses
 * only the packages a user of the published artifacts programs against.
 */
final class ModuleRules {

  /** Packages other modules and users may use; everything else in a module is its own business. */
  static final List<String> PUBLIC_API_PACKAGES = List.of(
      "dev.icon.proto..",
      "dev.icon.overlay.api..",
      "dev.icon.overlay.identity..",
      "dev.icon.overlay.multiaddr..",
      "dev.icon.gossip.api..",
      "dev.icon.tomography.api..",
      "dev.icon.node.api..");

  private ModuleRules() {}

  /**
   * Module direction: proto, overlay, gossip, then tomography and market side by side (neither
   * uses the other), icon-node, examples (bottom to top).
   */
  static ArchRule layering() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("proto").definedBy("dev.icon.proto..")
        .layer("overlay").definedBy("dev.icon.overlay..")
        .layer("gossip").definedBy("dev.icon.gossip..")
        .layer("tomography").definedBy("dev.icon.tomography..")
        .layer("market").definedBy("dev.icon.market..")
        .layer("icon-node").definedBy("dev.icon.node..")
        .layer("examples").definedBy("dev.icon.examples..")
        .whereLayer("examples").mayNotBeAccessedByAnyLayer()
        .whereLayer("icon-node").mayOnlyBeAccessedByLayers("examples")
        .whereLayer("tomography").mayOnlyBeAccessedByLayers("icon-node", "examples")
        .whereLayer("market").mayOnlyBeAccessedByLayers("icon-node", "examples")
        .whereLayer("gossip")
        .mayOnlyBeAccessedByLayers("tomography", "market", "icon-node", "examples")
        .whereLayer("overlay")
        .mayOnlyBeAccessedByLayers("gossip", "tomography", "market", "icon-node", "examples")
        .because("module dependencies point only down the ARCHITECTURE.md table");
  }

  /** {@code examples/} may use only public API packages of the other modules. */
  static ArchRule examplesUseOnlyPublicApi() {
    String[] allowed = concat(PUBLIC_API_PACKAGES, "dev.icon.examples..", "java..", "javax..",
        "org.slf4j..", "com.google.protobuf..");
    return classes().that().resideInAPackage("dev.icon.examples..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
        .allowEmptyShould(true)
        .because("examples show what a user of the published artifacts can do");
  }

  private static String[] concat(List<String> head, String... tail) {
    String[] out = head.toArray(new String[head.size() + tail.length]);
    System.arraycopy(tail, 0, out, head.size(), tail.length);
    return out;
  }
}
