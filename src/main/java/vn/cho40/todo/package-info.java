/**
 * What waits for me (việc cần làm): one list of things a person should act on, fed by any module through the
 * {@link TaskSource} port (payments: exceptions and warnings; traders: accounts awaiting review). Shown on the home,
 * as badges in the menu and at {@code GET /api/v1/me/tasks}. Depends on identity only, so every business module may
 * feed it without a cycle.
 */
package vn.cho40.todo;
