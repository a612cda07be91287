package dev.icon.overlay.archfixture;

import dev.icon.node.cli.IconMain;

/** Deliberately breaks the module direction (overlay using icon-node) for ModuleRulesTest. */
public final class UpwardImport {
  private UpwardImport() {}

  /** Touches an icon-node class so the dependency is in the bytecode. */
  public static Object upward() {
    return IconMain.newCommandLine();
  }
}
