package com.paxcare.web;

import com.paxcare.access.Passwords;
import com.paxcare.access.Principal;
import com.paxcare.access.RateLimits;
import com.paxcare.access.Role;
import com.paxcare.access.Scopes;
import com.paxcare.access.Tokens;
import com.paxcare.access.Users;
import com.paxcare.feed.FlightKey;
import com.paxcare.validation.JsonFields;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/** Signing in (staff with a password, passengers with PNR and surname) and the admin's user management. */
final class AuthRoutes {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,40}");
  private static final Pattern ANY_TEXT = Pattern.compile("[^\\p{Cntrl}]{1,200}");
  private static final Pattern PNR = Pattern.compile("[A-Z0-9]{6}");
  private static final Pattern LAST_NAME = Pattern.compile("[\\p{L} '\\-]{1,60}");
  private static final Pattern STATION = Pattern.compile("[A-Z]{3}");
  private static final Pattern FLIGHT = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");

  private final Users users;
  private final Scopes scopes;
  private final Tokens tokens;
  private final RateLimits signIns;

  AuthRoutes(Users users, Scopes scopes, Tokens tokens, RateLimits signIns) {
    this.users = users;
    this.scopes = scopes;
    this.tokens = tokens;
    this.signIns = signIns;
  }

  void mount(Router router) {
    router.post("/api/v1/auth/login").handler(this::limited).handler(this::login);
    router.post("/api/v1/auth/passenger").handler(this::limited).handler(this::passenger);
    router.get("/api/v1/auth/me").handler(ctx -> ctx.json(Guard.principal(ctx).describe()));
    router.post("/api/v1/users").handler(Guard.only(Role.ADMIN)).handler(this::createUser);
    router.get("/api/v1/users").handler(Guard.only(Role.ADMIN))
        .handler(ctx -> users.list().onSuccess(list -> ctx.json(new JsonObject().put("users", list)))
            .onFailure(ctx::fail));
  }

  /** A guessable secret (a password, a PNR and a surname) may be tried only so often from one client. */
  private void limited(RoutingContext ctx) {
    long wait = signIns.secondsToWait("address " + ctx.request().remoteAddress().hostAddress());
    if (wait > 0) {
      tooMany(ctx, wait, "Too many sign-in attempts from this client");
      return;
    }
    ctx.next();
  }

  /** And one account or booking only so often from anywhere; true when it must wait (answered). */
  private boolean accountLimited(RoutingContext ctx, String account, String what) {
    long wait = signIns.secondsToWaitAfterFailures(account);
    if (wait > 0) {
      tooMany(ctx, wait, "Too many failed attempts on this " + what);
      return true;
    }
    return false;
  }

  private static void tooMany(RoutingContext ctx, long wait, String why) {
    ctx.response().putHeader("Retry-After", Long.toString(wait));
    Problem.send(ctx, 429, "too-many-attempts", "Too many attempts", why + "; try again in " + wait + " s", null);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Requests.jsonObject(ctx);
    JsonFields fields = new JsonFields();
    fields.rejectUnknown(body, "", Set.of("username", "password"));
    String username = fields.text(body, "", "username", true, ANY_TEXT, "your user name");
    String password = fields.text(body, "", "password", true, ANY_TEXT, "your password");
    fields.throwIfAny();
    String account = "account " + username.toLowerCase(java.util.Locale.ROOT);
    if (accountLimited(ctx, account, "user name")) {
      return;
    }
    users.signIn(username.toLowerCase(java.util.Locale.ROOT), password).onSuccess(found -> found.ifPresentOrElse(
        principal -> ctx.json(signedIn(principal)),
        () -> {
          signIns.failed(account);
          Problem.send(ctx, 401, "bad-credentials", "Not signed in", "User name or password is wrong",
              java.util.List.of(new com.paxcare.validation.FieldError("password", "does not match the user name")));
        }))
        .onFailure(ctx::fail);
  }

  private void passenger(RoutingContext ctx) {
    JsonObject body = Requests.jsonObject(ctx);
    JsonFields fields = new JsonFields();
    fields.rejectUnknown(body, "", Set.of("pnr", "lastName"));
    String pnr = fields.text(body, "", "pnr", true, PNR, "a 6-character booking reference like K7Q2ZB");
    String lastName = fields.text(body, "", "lastName", true, LAST_NAME, "the surname on the booking");
    fields.throwIfAny();
    String booking = "booking " + pnr;
    if (accountLimited(ctx, booking, "booking")) {
      return;
    }
    scopes.passengerOnBooking(pnr, lastName).onSuccess(found -> {
      if (found) {
        ctx.json(signedIn(Principal.passenger(pnr, lastName.toUpperCase(java.util.Locale.ROOT))));
      } else {
        signIns.failed(booking);
        // One answer for "no such booking" and "wrong surname": neither tells a guesser which part was right.
        Problem.send(ctx, 401, "bad-credentials", "Not signed in", "No booking matches this reference and surname",
            java.util.List.of(new com.paxcare.validation.FieldError("lastName", "does not match the booking")));
      }
    }).onFailure(ctx::fail);
  }

  private JsonObject signedIn(Principal principal) {
    return new JsonObject().put("token", tokens.issue(principal)).put("user", principal.describe());
  }

  private void createUser(RoutingContext ctx) {
    JsonObject body = Requests.jsonObject(ctx);
    JsonFields fields = new JsonFields();
    fields.rejectUnknown(body, "", Set.of("username", "password", "role", "station", "flight", "date"));
    String username = fields.text(body, "", "username", true, USERNAME, "2 to 40 lower-case letters, digits, . _ -");
    String password = fields.text(body, "", "password", true, ANY_TEXT, "a password of 10 to 200 characters");
    if (password != null && Passwords.problem(password) != null) {
      fields.error("password", Passwords.problem(password));
    }
    String roleCode = fields.text(body, "", "role", true, Pattern.compile("admin|ops|care|gate|crew|feed"),
        "one of admin, ops, care, gate, crew, feed");
    Role role = roleCode == null ? null : Role.fromCode(roleCode).orElseThrow();
    String station = fields.text(body, "", "station", role == Role.GATE, STATION, "a 3-letter IATA airport code");
    String flight = fields.text(body, "", "flight", role == Role.CREW, FLIGHT, "a flight like WN1234");
    LocalDate date = fields.date(body, "", "date", role == Role.CREW);
    if (role != null && role != Role.GATE && station != null) {
      fields.error("station", "only a gate agent is bound to a station");
    }
    if (role != null && role != Role.CREW && (flight != null || date != null)) {
      fields.error(flight != null ? "flight" : "date", "only crew is bound to a flight and date");
    }
    fields.throwIfAny();
    Users.NewUser user = new Users.NewUser(username, password, role, station,
        flight == null ? null : FlightKey.normalise(flight), date);
    users.create(user, Guard.principal(ctx).name()).onSuccess(created -> created.ifPresentOrElse(
        json -> {
          ctx.response().setStatusCode(201).putHeader("Location", "/api/v1/users/" + username);
          ctx.json(json);
        },
        () -> Problem.send(ctx, 409, "username-taken", "User name taken", "There is already a user " + username,
            java.util.List.of(new com.paxcare.validation.FieldError("username", "is taken")))))
        .onFailure(ctx::fail);
  }
}
