package vn.cho40.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/**
 * Turns refused input into field → message in the visitor's language, for forms to show next to each
 * field. Conversion failures (letters typed into a number) come out the same way as business rules.
 */
@Component
public class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    public Map<String, String> of(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation v : e.violations()) {
            errors.merge(v.field(), text(v.messageKey(), v.args().toArray()), (a, b) -> a + " " + b);
        }
        return errors;
    }

    public Map<String, String> of(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(),
                text("error.unreadable.detail", f.getField())));
        return errors;
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
