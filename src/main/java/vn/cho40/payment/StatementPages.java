package vn.cho40.payment;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.MarketListing;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;

/** Bank statement upload (preview, column layout confirmed once per bank template, import with progress) and
 * the reconciliation report per account and day. */
@Controller
class StatementPages {

    private static final String PENDING = "statement.pending";

    private final Statements statements;
    private final Markets markets;
    private final Access access;
    private final FormErrors errors;

    StatementPages(Statements statements, Markets markets, Access access, FormErrors errors) {
        this.statements = statements;
        this.markets = markets;
        this.access = access;
        this.errors = errors;
    }

    @GetMapping("/payments/statements")
    String list(@RequestParam(required = false) String market, Model model) {
        CurrentUser user = access.requirePermission(Permission.PAYMENT_RECONCILE);
        List<MarketListing> inScope = markets.inScope(user.scope());
        model.addAttribute("markets", inScope);
        String code = market != null ? market : inScope.isEmpty() ? null : inScope.getFirst().code();
        if (code != null) {
            Market m = markets.forStaff(code, Permission.PAYMENT_RECONCILE);
            model.addAttribute("market", m);
            model.addAttribute("statements", statements.forMarket(m.id()));
        }
        return "payment/statements";
    }

    @PostMapping("/payments/statements")
    String upload(@RequestParam String market, @RequestParam(defaultValue = "") String account,
                  @RequestParam("file") MultipartFile file, HttpSession session, Model model) throws IOException {
        Market m = markets.forStaff(market, Permission.PAYMENT_RECONCILE);
        try {
            Statements.Preview preview = statements.preview(file.getOriginalFilename(), file.getBytes(), null);
            session.setAttribute(PENDING, new Pending(m.code(), account, preview));
            return preview(m, account, preview, model);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors.of(e));
            return list(m.code(), model);
        }
    }

    /** An upload between preview and confirmation, kept in the board member's session only. */
    record Pending(String marketCode, String account, Statements.Preview preview) implements java.io.Serializable {
    }

    @PostMapping("/payments/statements/confirm")
    String confirm(@RequestParam Map<String, String> form, HttpSession session, Model model) {
        access.requirePermission(Permission.PAYMENT_RECONCILE);
        if (!(session.getAttribute(PENDING) instanceof Pending pending)) {
            throw new NotFoundException("statement.pending.none");
        }
        Market m = markets.forStaff(pending.marketCode(), Permission.PAYMENT_RECONCILE);
        Statements.Preview preview = pending.preview();
        String account = form.getOrDefault("account", pending.account());
        try {
            Map<StatementTable.Role, Integer> columns = columns(form);
            if (preview.layout() != null && !columns.isEmpty() && !columns.equals(preview.layout().columns())) {
                // The board changed the layout: read the file again with it and show the result first.
                preview = statements.preview(preview.fileName(), preview.content(), columns);
                session.setAttribute(PENDING, new Pending(m.code(), account, preview));
                return preview(m, account, preview, model);
            }
            Statements.Job job = statements.start(preview, m, account, access.require().username());
            session.removeAttribute(PENDING);
            return "redirect:/payments/statements/jobs/" + job.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors.of(e));
            return preview(m, account, preview, model);
        }
    }

    @GetMapping("/payments/statements/jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        Statements.Job job = visibleJob(id);
        if (job.statementId()[0] != null) {
            return "redirect:/payments/statements/" + job.statementId()[0];
        }
        model.addAttribute("job", job);
        return "payment/statement-job";
    }

    /** The progress fragment polled by the job page; tells htmx to move on once the import is done. */
    @GetMapping("/payments/statements/jobs/{id}/progress")
    Object progress(@PathVariable UUID id, Model model) {
        Statements.Job job = visibleJob(id);
        if (job.statementId()[0] != null) {
            return ResponseEntity.ok().header("HX-Redirect", "/payments/statements/" + job.statementId()[0]).build();
        }
        model.addAttribute("job", job);
        return "payment/statement-job :: progress";
    }

    @GetMapping("/payments/statements/{id}")
    String report(@PathVariable UUID id, Model model) {
        access.requirePermission(Permission.PAYMENT_RECONCILE);
        Statements.Summary s = statements.get(id);
        Market m = markets.forStaffOf(s.marketId(), Permission.PAYMENT_RECONCILE,
                () -> new NotFoundException("statement.notFound", id));
        model.addAttribute("market", m);
        model.addAttribute("s", s);
        model.addAttribute("days", statements.reconciliation(id));
        return "payment/statement";
    }

    private Statements.Job visibleJob(UUID id) {
        access.requirePermission(Permission.PAYMENT_RECONCILE);
        Statements.Job job = statements.job(id).orElseThrow(() -> new NotFoundException("statement.notFound", id));
        Market m = markets.forStaffOf(job.marketId(), Permission.PAYMENT_RECONCILE,
                () -> new NotFoundException("statement.notFound", id));
        return job;
    }

    private String preview(Market m, String account, Statements.Preview preview, Model model) {
        model.addAttribute("market", m);
        model.addAttribute("account", account);
        model.addAttribute("p", preview);
        model.addAttribute("roles", StatementTable.Role.values());
        model.addAttribute("sample", preview.statement().entries().stream().limit(10).toList());
        return "payment/statement-preview";
    }

    private static Map<StatementTable.Role, Integer> columns(Map<String, String> form) {
        Map<StatementTable.Role, Integer> columns = new EnumMap<>(StatementTable.Role.class);
        for (StatementTable.Role role : StatementTable.Role.values()) {
            String v = form.get("col_" + role.name());
            if (v != null && v.matches("[0-9]{1,3}")) {
                columns.put(role, Integer.parseInt(v));
            }
        }
        return columns;
    }
}
