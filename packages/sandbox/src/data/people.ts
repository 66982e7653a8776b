import { DAY_MS } from "../gong/dates.js";
import { type IdScrambler, rngFor } from "./random.js";
import {
  ACCOUNTS,
  COMPANY,
  CONTACT_TITLES,
  DEAL_STAGES,
  FIRST_NAMES,
  LAST_NAMES,
  SALES_TITLES,
  WORKSPACES,
} from "./words.js";

export interface Workspace {
  index: number;
  id: string;
  name: string;
  description: string;
}

export type Role = "executive" | "manager" | "seller" | "engineer" | "success";

export interface SandboxUser {
  index: number;
  id: string;
  firstName: string;
  lastName: string;
  emailAddress: string;
  title: string;
  role: Role;
  managerIndex: number | undefined;
  workspaceIndex: number;
  active: boolean;
  createdMs: number;
  phoneNumber: string;
  /** relative share of calls this user hosts */
  activity: number;
}

export interface Contact {
  id: string;
  firstName: string;
  lastName: string;
  name: string;
  emailAddress: string;
  title: string;
  phoneNumber: string;
}

export interface Account {
  index: number;
  name: string;
  domain: string;
  industry: string;
  crmId: string;
  /** 0 = North America, 1 = EMEA */
  region: number;
  opportunity: { id: string; name: string; amount: number; stage: string; closeDateMs: number };
  contacts: Contact[];
}

export function buildWorkspaces(seed: number): Workspace[] {
  return WORKSPACES.map(([name, description], index) => ({
    index,
    // 19 digits, below 2^63 so it also fits the spec's int64 workspace ids.
    id: ((rng) => `${rng.int(1, 8)}${rng.digits(18)}`)(rngFor(seed, "workspace", index)),
    name,
    description,
  }));
}

/**
 * An org chart: one executive, a manager per ~10 people spread over the workspaces, and sellers,
 * solutions engineers and customer success managers reporting to them.
 */
export function buildUsers(seed: number, count: number, nowMs: number, ids: IdScrambler): SandboxUser[] {
  const managers = Math.max(1, Math.round(count / 10));
  const users: SandboxUser[] = [];
  const emails = new Set<string>();
  for (let index = 0; index < count; index++) {
    const rng = rngFor(seed, "user", index);
    const firstName = FIRST_NAMES[(index * 7 + (seed % 50)) % FIRST_NAMES.length] as string;
    const lastName = LAST_NAMES[
      (index * 13 + (seed % 40) + Math.floor(index / 40)) % LAST_NAMES.length
    ] as string;
    let role: Role;
    let managerIndex: number | undefined;
    let workspaceIndex: number;
    let title: string;
    if (index === 0) {
      role = "executive";
      workspaceIndex = 0;
      title = "VP of Sales";
    } else if (index <= managers && count > 1) {
      role = "manager";
      managerIndex = 0;
      workspaceIndex = (index - 1) % WORKSPACES.length;
      title = workspaceIndex === 2 ? "Customer Success Manager, Team Lead" : "Sales Manager";
    } else {
      managerIndex = 1 + ((index - managers - 1) % managers);
      workspaceIndex = users[managerIndex]?.workspaceIndex ?? 0;
      if (workspaceIndex === 2) {
        role = "success";
        title = "Customer Success Manager";
      } else if (rng.chance(0.15)) {
        role = "engineer";
        title = "Solutions Engineer";
      } else {
        role = "seller";
        title = rng.pick(SALES_TITLES);
      }
    }
    let emailAddress = `${firstName}.${lastName}@${COMPANY.domain}`.toLowerCase();
    if (emails.has(emailAddress))
      emailAddress = `${firstName}.${lastName}${index}@${COMPANY.domain}`.toLowerCase();
    emails.add(emailAddress);
    const active = role === "executive" || role === "manager" || !rng.chance(0.05);
    users.push({
      index,
      id: ids.encode(index),
      firstName,
      lastName,
      emailAddress,
      title,
      role,
      managerIndex,
      workspaceIndex,
      active,
      createdMs: Math.floor((nowMs - rng.int(200, 1400) * DAY_MS) / 1000) * 1000,
      phoneNumber: `+1 415 555 ${String(1000 + (index % 9000)).padStart(4, "0")}`,
      activity:
        role === "seller" || role === "success" ? 1 + rng.next() * 2 : role === "manager" ? 0.6 : 0.25,
    });
  }
  return users;
}

export function buildAccounts(seed: number, nowMs: number): Account[] {
  return ACCOUNTS.map(([name, domain, industry], index) => {
    const rng = rngFor(seed, "account", index);
    const contacts: Contact[] = [];
    const contactCount = rng.int(3, 6);
    for (let c = 0; c < contactCount; c++) {
      const firstName = rng.pick(FIRST_NAMES);
      const lastName = rng.pick(LAST_NAMES);
      contacts.push({
        id: `003${rng.alnum(12).toUpperCase()}AAA`,
        firstName,
        lastName,
        name: `${firstName} ${lastName}`,
        emailAddress: `${firstName}.${lastName}@${domain}`.toLowerCase(),
        title: rng.pick(CONTACT_TITLES),
        phoneNumber: `+1 ${rng.int(200, 989)} 555 ${String(rng.int(0, 9999)).padStart(4, "0")}`,
      });
    }
    return {
      index,
      name,
      domain,
      industry,
      crmId: `001${rng.alnum(12).toUpperCase()}AAA`,
      region: index % 2,
      opportunity: {
        id: `006${rng.alnum(12).toUpperCase()}AAA`,
        name: `${name} - ${rng.pick(["New Business", "Expansion", "Renewal"])}`,
        amount: rng.int(12, 480) * 1000,
        stage: rng.pick(DEAL_STAGES),
        closeDateMs: Math.floor(nowMs / DAY_MS + rng.int(-60, 120)) * DAY_MS,
      },
      contacts,
    };
  });
}
