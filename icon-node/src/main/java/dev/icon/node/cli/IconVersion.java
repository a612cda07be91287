package dev.icon.node.cli;

import dev.icon.overlay.api.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** The version of this build, for {@code icon version} and {@code icon --version}. */
public final class IconVersion {

  private IconVersion() {}

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String current() {
    return BuildInfo.version();
  }

  /** Feeds {@code icon --version}. */
  public static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"icon " + current()};
    }
  }
}
