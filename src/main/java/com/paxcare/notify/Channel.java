package com.paxcare.notify;

/** How a confirmation is delivered. */
public enum Channel { SMS, EMAIL }
