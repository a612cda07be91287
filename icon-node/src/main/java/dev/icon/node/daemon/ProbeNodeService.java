package dev.icon.node.daemon;

import dev.icon.node.config.ProbeSettings;
import dev.icon.proto.icon.probe.ProbeMethod;
import dev.icon.tomography.probe.PingConfig;
import dev.icon.tomography.probe.PingProber;
import dev.icon.tomography.probe.ProbeConfig;
import dev.icon.tomography.probe.ProbeProtocol;
import dev.icon.tomography.probe.ProbeService;
import dev.icon.tomography.probe.Prober;
import dev.icon.tomography.probe.TargetFilter;
import dev.icon.tomography.probe.TcpConnectProber;
import dev.icon.tomography.probe.TcpProbeConfig;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Serves {@code /icon/probe/1.0.0} with the {@code probe:} section's probers and limits. */
final class ProbeNodeService implements NodeService {

  private final Map<ProbeMethod, Prober> probers = new EnumMap<>(ProbeMethod.class);
  private volatile ProbeService service;
  private volatile NodeContext context;

  @Override
  public String name() {
    return "probe";
  }

  @Override
  public void start(NodeContext ctx) {
    context = ctx;
    ProbeSettings s = ctx.config().probe();
    ProbeConfig config = s.toProbeConfig();
    probers.put(ProbeMethod.TCP_CONNECT, new TcpConnectProber(TcpProbeConfig.of(s.tcpPort())));
    if (s.icmp()) {
      probers.put(ProbeMethod.ICMP_ECHO, new PingProber(PingConfig.defaults()));
    }
    service = new ProbeService(config, probers, new TargetFilter(config), ctx.clock())
        .registerOn(ctx.host());
  }

  @Override
  public void stop() throws Exception {
    if (context != null) {
      context.host().removeProtocol(ProbeProtocol.ID);
    }
    for (Prober p : probers.values()) {
      p.close();
    }
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("methods", probers.keySet().stream().map(Enum::name).toList());
    ProbeService p = service;
    m.put("probedTargets", p == null ? 0 : p.probedTargets());
    m.put("refusedTargets", p == null ? 0 : p.refusedTargets());
    m.put("malformedRequests", p == null ? 0 : p.malformedRequests());
    return m;
  }
}
