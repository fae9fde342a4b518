package com.paxcare.db;

import io.vertx.core.json.JsonObject;
import org.jooq.JSONB;
import org.jooq.impl.AbstractConverter;

/** Lets generated jOOQ tables carry JSONB columns as Vert.x {@link JsonObject}, as the reactive client does. */
public final class JsonbConverter extends AbstractConverter<JSONB, JsonObject> {
  public JsonbConverter() {
    super(JSONB.class, JsonObject.class);
  }

  @Override
  public JsonObject from(JSONB databaseObject) {
    return databaseObject == null ? null : new JsonObject(databaseObject.data());
  }

  @Override
  public JSONB to(JsonObject userObject) {
    return userObject == null ? null : JSONB.valueOf(userObject.encode());
  }
}
