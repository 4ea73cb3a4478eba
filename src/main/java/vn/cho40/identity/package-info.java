/**
 * Who is asking and what they may see: staff accounts with roles and scopes, password login with lockout,
 * trader login by phone and one-time code, the scope check every module applies to its reads and writes, and
 * the menu: each module's {@link MenuEntry}s, shown to whoever may open them and guarding the same paths. Knows
 * no business module: traders are found through the {@link TraderDirectory} port.
 */
package vn.cho40.identity;
