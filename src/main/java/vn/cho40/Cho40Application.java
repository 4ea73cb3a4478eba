package vn.cho40;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring application. Started through {@link Cho40}, which picks the command. */
@SpringBootApplication
public class Cho40Application {
}
