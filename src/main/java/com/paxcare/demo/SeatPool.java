package com.paxcare.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seats of one cabin on one flight, handed out in an order that keeps a party in one row
 * while spreading parties over the cabin; sales stop at the flight's target load.
 */
final class SeatPool {

  private static final String BUSINESS_LETTERS = "ACDF";
  private static final String ECONOMY_LETTERS = "ABCDEF";
  private static final int FIRST_ECONOMY_ROW = 5;

  private final List<String> seats;
  private final int target;
  private int sold;

  private SeatPool(List<String> seats, int target) {
    this.seats = seats;
    this.target = target;
  }

  /**
   * A cabin of {@code capacity} seats, sold to a random load factor between 35 and 65 percent: a live demo with
   * seats left to rebook onto, small enough to load in seconds.
   */
  static SeatPool of(char cabin, int capacity, SplittableRandom random) {
    int minimum = (capacity * 35 + 99) / 100;
    int maximum = capacity * 65 / 100;
    int target = minimum + random.nextInt(maximum - minimum + 1);
    return new SeatPool(shuffledByRow(seatRows(cabin, capacity), random), target);
  }

  int remaining() {
    return target - sold;
  }

  String take() {
    return seats.get(sold++);
  }

  /** Sells one specific seat ahead of everyone else (the story passenger's 14C). */
  void reserve(String seat) {
    if (sold != 0 || !seats.remove(seat)) throw new IllegalStateException("cannot reserve " + seat);
    seats.add(0, seat);
    sold++;
  }

  private static List<List<String>> seatRows(char cabin, int capacity) {
    String letters = cabin == 'J' ? BUSINESS_LETTERS : ECONOMY_LETTERS;
    int row = cabin == 'J' ? 1 : FIRST_ECONOMY_ROW;
    List<List<String>> rows = new ArrayList<>();
    for (int placed = 0; placed < capacity; row++) {
      List<String> seatsInRow = new ArrayList<>(letters.length());
      for (int i = 0; i < letters.length() && placed < capacity; i++, placed++) {
        seatsInRow.add(row + String.valueOf(letters.charAt(i)));
      }
      rows.add(seatsInRow);
    }
    return rows;
  }

  private static List<String> shuffledByRow(List<List<String>> rows, SplittableRandom random) {
    for (int i = rows.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      List<String> swap = rows.get(i);
      rows.set(i, rows.get(j));
      rows.set(j, swap);
    }
    List<String> seats = new ArrayList<>();
    rows.forEach(seats::addAll);
    return seats;
  }
}
