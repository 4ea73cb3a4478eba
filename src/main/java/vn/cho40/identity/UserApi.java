package vn.cho40.identity;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UserApi {

    private final UserAdmin admin;
    private final Access access;

    UserApi(UserAdmin admin, Access access) {
        this.admin = admin;
        this.access = access;
    }

    @GetMapping
    List<StaffUser> list() {
        return admin.list();
    }

    @GetMapping("/me")
    CurrentUser me() {
        return access.require();
    }

    @PostMapping
    ResponseEntity<StaffUser> create(@RequestBody StaffUsers.NewUser user) {
        return ResponseEntity.status(201).body(admin.create(user));
    }
}
