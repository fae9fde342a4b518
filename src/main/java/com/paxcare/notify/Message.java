package com.paxcare.notify;

import java.util.Objects;

/**
 * A rendered confirmation in plain text (no HTML, nothing escaped).
 *
 * @param subject e-mail subject; {@code null} for SMS
 * @param body    the text to send
 */
public record Message(String subject, String body) {
    public Message {
        Objects.requireNonNull(body, "body");
    }
}
