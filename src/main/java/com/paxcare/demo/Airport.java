package com.paxcare.demo;

import java.time.ZoneId;

/** A station of the demo network; the area code gives passengers plausible local phone numbers. */
record Airport(String code, ZoneId zone, boolean hub, String areaCode, int concourses, int gatesPerConcourse) {

  static Airport hub(String code, String zone, String areaCode) {
    return new Airport(code, ZoneId.of(zone), true, areaCode, 3, 30);
  }

  static Airport spoke(String code, String zone, String areaCode) {
    return new Airport(code, ZoneId.of(zone), false, areaCode, 2, 12);
  }
}
