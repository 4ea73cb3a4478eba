package vn.cho40.identity;

import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(operationId = "listUsers",
            summary = "Tài khoản cán bộ trong địa bàn: staff accounts in one's area")
    List<StaffUser> list() {
        return admin.list();
    }

    @GetMapping("/me")
    @Operation(operationId = "currentUser",
            summary = "Tài khoản đang đăng nhập (vai trò, địa bàn): who is logged in")
    CurrentUser me() {
        return access.require();
    }

    @PostMapping
    @Operation(operationId = "createUser",
            summary = "Tạo tài khoản cán bộ, vai trò không cao hơn của mình: create a staff account")
    ResponseEntity<StaffUser> create(@RequestBody StaffUsers.NewUser user) {
        return ResponseEntity.status(201).body(admin.create(user));
    }
}
