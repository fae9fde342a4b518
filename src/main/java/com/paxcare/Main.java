package com.paxcare;

public final class Main {
  public static void main(String[] args) {
  }
}
