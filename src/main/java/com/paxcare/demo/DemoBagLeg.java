package com.paxcare.demo;

import java.time.LocalDate;

/** One leg a checked bag travels, as the BSM onward/inbound flight elements describe it. */
public record DemoBagLeg(String flight, LocalDate date, String origin, String destination, char cabinClass) {}
