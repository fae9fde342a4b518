package com.paxcare.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cursor a client is handed is the cursor it can hand back, in each of its forms. */
class CommitCursorTest {
  @Test
  void everyCursorHandedOutParsesBackToItself() {
    assertThat(CommitCursor.parse(CommitCursor.START.toString())).isEqualTo(CommitCursor.START);
    CommitCursor read = CommitCursor.at(88_120_001L, 42);
    assertThat(read.toString()).isEqualTo("88120001-42");
    assertThat(CommitCursor.parse(read.toString())).isEqualTo(read);
    CommitCursor legacy = CommitCursor.parse("17");
    assertThat(legacy.legacy()).isTrue();
    assertThat(legacy.id()).isEqualTo(17);
    assertThat(CommitCursor.parse(legacy.toString())).isEqualTo(legacy);
  }

  @Test
  void absentMeansFromTheStartAndAnythingElseIsRefused() {
    assertThat(CommitCursor.parse(null)).isEqualTo(CommitCursor.START);
    assertThat(CommitCursor.parse(" ")).isEqualTo(CommitCursor.START);
    for (String bad : new String[] {"-1--1", "abc", "12-", "-12", "1-2-3", "99999999999999999999", "1e3", "0x10"}) {
      assertThat(CommitCursor.parse(bad)).as(bad).isNull();
    }
  }
}
