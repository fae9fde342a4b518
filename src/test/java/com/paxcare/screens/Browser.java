package com.paxcare.screens;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Debian's Chromium, driven headless through Debian's chromedriver (never a downloaded browser), as one person's
 * device: a gate tablet, a crew's EFB, a care-desk screen.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  /** Screenshots of every screen, for the README. */
  static final Path SCREENSHOTS = Path.of("target", "screens");

  private final ChromeDriver driver;
  private final String base;

  Browser(int port, int width, int height) {
    this.base = "http://127.0.0.1:" + port;
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--autoplay-policy=no-user-gesture-required", "--lang=en-US", "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    resize(width, height);
  }

  static boolean available() {
    return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(base + path);
  }

  /** Signs in on the sign-in page as staff, and waits for the role's screen. */
  void signIn(String username, String password, String screen) {
    signInPage();
    type(By.id("username"), username);
    type(By.id("password"), password);
    driver.findElement(By.id("login")).click();
    waitFor(ExpectedConditions.urlContains(screen), 10);
  }

  void signInPassenger(String pnr, String lastName) {
    signInPage();
    type(By.id("pnr"), pnr);
    type(By.id("lastName"), lastName);
    driver.findElement(By.id("passenger-login")).click();
    waitFor(ExpectedConditions.urlContains("/passenger.html"), 10);
  }

  /** The sign-in page of a device nobody is signed in on (the token and the language are forgotten). */
  private void signInPage() {
    open("/");
    driver.executeScript("localStorage.clear()");
    open("/");
  }

  void type(By field, String text) {
    WebElement element = waitFor(ExpectedConditions.visibilityOfElementLocated(field), 10);
    element.clear();
    element.sendKeys(text);
  }

  WebElement visible(By locator, int seconds) {
    return waitFor(ExpectedConditions.visibilityOfElementLocated(locator), seconds);
  }

  /** Clicks once the element can be clicked; a re-render between finding and clicking just finds it again. */
  void click(By locator) {
    waitFor(d -> {
      WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
      if (element == null) {
        return null;
      }
      element.click();
      return true;
    }, 10);
  }

  <T> T waitFor(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition, int seconds) {
    // Screens re-render on every push: an element found a moment ago may be replaced by its newer self.
    return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(20))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(condition);
  }

  /** The element's text once it is there, read again if the screen re-rendered it meanwhile. */
  String text(By locator) {
    return waitFor(d -> d.findElement(locator).getText(), 10);
  }

  String attribute(By locator, String name) {
    return waitFor(d -> d.findElement(locator).getAttribute(name), 10);
  }

  WebElement waitForText(By locator, String text, int seconds) {
    waitFor(ExpectedConditions.textToBePresentInElementLocated(locator, text), seconds);
    return driver.findElement(locator);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** The page's own size (the viewport), as on a tablet, whatever the headless window's frame takes. */
  void resize(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", false));
  }

  /** Saves the screen as {@code target/screens/<name>.png}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
