package dev.icon.node.yard;

import dev.icon.node.runtime.ImageRef;
import dev.icon.node.runtime.ResourceLimits;
import dev.icon.node.runtime.Workload;

/**
 * A workload the yard runs under an agreement.
 *
 * @param agreementId the agreement (hex)
 * @param workload the runtime's workload (id, spec with the agreement's limits, endpoint)
 * @param image the image imported for it (removed with it)
 * @param limits the capacity it holds
 * @param endMillis when its agreement ends (the janitor stops it then)
 */
public record YardWorkload(String agreementId, Workload workload, ImageRef image,
    ResourceLimits limits, long endMillis) {}
