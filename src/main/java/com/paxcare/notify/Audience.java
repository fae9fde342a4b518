package com.paxcare.notify;

/** Who reads the confirmation: the passenger, or the relative who reported the emergency. */
public enum Audience { PASSENGER, REPORTER }
