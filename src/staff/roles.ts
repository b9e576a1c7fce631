/** Staff roles: counsellors answer hand-offs, managers see the dashboard. A name may hold both. */

/** Every role a staff account can hold. */
export const STAFF_ROLES = ['counsellor', 'manager'] as const;

/** One staff role. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** True when `value` names a role. */
export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/**
 * Parses `--role` values: each may list several roles separated by commas
 * (`manager,counsellor`). Returns the roles sorted without duplicates.
 * @throws naming the unknown role and the known ones.
 */
export function parseRoles(values: readonly string[]): StaffRole[] {
  const roles = new Set<StaffRole>();
  for (const part of values.flatMap((value) => value.split(','))) {
    const role = part.trim().toLowerCase();
    if (role === '') continue;
    if (!isStaffRole(role)) throw new Error(`unknown role '${part.trim()}' (known: ${STAFF_ROLES.join(', ')})`);
    roles.add(role);
  }
  return [...roles].sort();
}
