package dev.icon.gossip.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The delivery records' size bound and expiry. */
class DeliveryRecordsTest {

  @Test
  void aFloodOfUniqueIdsKeepsOnlyTheNewestMaxRecords() {
    DeliveryRecords records = new DeliveryRecords(1_000_000_000L, 100);
    for (int i = 0; i < 10_000; i++) {
      records.getOrCreate(i, 0).status = DeliveryRecords.Status.VALID;
    }
    assertThat(records.size()).isEqualTo(100);
    assertThat(records.getOrCreate(9_999, 0).status).as("the newest is kept")
        .isEqualTo(DeliveryRecords.Status.VALID);
    assertThat(records.getOrCreate(0, 0).status).as("the oldest was dropped")
        .isEqualTo(DeliveryRecords.Status.VALIDATING);
    assertThat(records.size()).isEqualTo(100);
  }

  @Test
  void recordsExpireTheirTtlAfterCreation() {
    DeliveryRecords records = new DeliveryRecords(10, 100);
    records.getOrCreate("a", 0);
    records.getOrCreate("b", 5);
    records.expire(10);
    assertThat(records.size()).isEqualTo(1);
    records.expire(15);
    assertThat(records.size()).isZero();
  }
}
