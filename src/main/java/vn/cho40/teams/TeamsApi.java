package vn.cho40.teams;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/**
 * The phone's side of the activity log. The page sends each entry with the id the phone gave it; a second sending
 * answers 200 with the same entry instead of 201, so a queue that replays after a lost answer counts nothing twice.
 */
@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Tổ công nghệ số (community technology teams)")
class TeamsApi {

    private final Activities activities;

    TeamsApi(Activities activities) {
        this.activities = activities;
    }

    record ActivityRequest(UUID clientId, HelpKind kind, String appName, UUID traderId, String residentName,
                           String residentPhone, Boolean residentConsent, String marketCode, String village,
                           Instant doneAt, Integer minutes, String notes, String photoBase64, String photoType) {
    }

    record ActivityJson(UUID id, UUID clientId, String memberName, HelpKind kind, String appName, String whom,
                        String where, Instant doneAt, int minutes, boolean hasPhoto, String notes, boolean created) {
        static ActivityJson of(Activities.Activity a, boolean created) {
            return new ActivityJson(a.id(), a.clientId(), a.memberName(), a.kind(), a.appName(), a.whom(), a.where(),
                    a.doneAt(), a.minutes(), a.hasPhoto(), a.notes(), created);
        }
    }

    record CorrectionRequest(HelpKind kind, String appName, Instant doneAt, Integer minutes, String notes) {
    }

    @PostMapping("/activities")
    @Operation(operationId = "recordTeamActivity",
            summary = "Ghi một lượt hỗ trợ người dân (gửi lại cùng clientId không tính hai lần): record one person "
                    + "helped; the same clientId again returns the same entry")
    ResponseEntity<ActivityJson> record(@RequestBody ActivityRequest r) {
        Activities.Photo photo = null;
        if (r.photoBase64() != null && !r.photoBase64().isBlank()) {
            try {
                String data = r.photoBase64().replaceFirst("^data:[^,]*,", "");
                photo = new Activities.Photo(Base64.getDecoder().decode(data), r.photoType());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Violation.of("photo", "teams.activity.photo.invalid",
                        ActivityRules.MAX_PHOTO_BYTES / 1024));
            }
        }
        Activities.Recorded rec = activities.record(new ActivityRules.Entry(r.clientId(), r.kind(), r.appName(),
                r.traderId(), r.residentName(), r.residentPhone(), Boolean.TRUE.equals(r.residentConsent()),
                r.marketCode(), r.village(), r.doneAt(), r.minutes(), r.notes()), photo);
        return ResponseEntity.status(rec.created() ? 201 : 200).body(ActivityJson.of(rec.activity(), rec.created()));
    }

    @GetMapping("/activities/mine")
    @Operation(operationId = "myTeamActivities", summary = "Nhật ký của tôi: the member's own entries, newest first")
    List<ActivityJson> mine(@RequestParam(defaultValue = "50") int limit) {
        return activities.mine(Math.max(1, limit)).stream().map(a -> ActivityJson.of(a, false)).toList();
    }

    @PostMapping("/activities/{id}/correction")
    @Operation(operationId = "correctTeamActivity",
            summary = "Sửa một lượt hỗ trợ (người ghi trong 7 ngày, sau đó cán bộ xã): correct an entry")
    ActivityJson correct(@PathVariable UUID id, @RequestBody CorrectionRequest r) {
        return ActivityJson.of(activities.correct(id, r.kind(), r.appName(), r.doneAt(), r.minutes(), r.notes()), false);
    }

    @GetMapping("/traders")
    @Operation(operationId = "teamTraderPicker",
            summary = "Tiểu thương của một chợ trong xã của tổ (chọn nhanh): traders of a market of the team's commune")
    List<Activities.PickTrader> traders(@RequestParam String market, @RequestParam(defaultValue = "") String q) {
        return activities.traders(market, q);
    }
}
