package com.paxcare.baggage;

import java.util.List;

/**
 * Everything found in one BSM text: the messages that parsed and the rejections for those that did not.
 * The caller decides whether one rejection spoils the whole batch.
 */
public record BsmParseResult(List<BsmMessage> messages, List<BsmRejection> rejections) {

    public BsmParseResult {
        messages = List.copyOf(messages);
        rejections = List.copyOf(rejections);
    }

    /** True when nothing in the text was rejected. */
    public boolean ok() {
        return rejections.isEmpty();
    }
}
