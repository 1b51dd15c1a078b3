CREATE TABLE `idempotency_keys` (
	`org_id` text NOT NULL,
	`api_key_id` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`org_id`, `api_key_id`, `key`),
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_webhook_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text DEFAULT 'webhook' NOT NULL,
	`org_id` text NOT NULL,
	`webhook_id` text,
	`invitation_id` text,
	`target_url` text,
	`event` text NOT NULL,
	`payload` text NOT NULL,
	`tries` integer DEFAULT 0 NOT NULL,
	`next_try_at` integer NOT NULL,
	`delivered_at` integer,
	`failed_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_webhook_outbox`("id", "org_id", "webhook_id", "event", "payload", "tries", "next_try_at", "delivered_at", "last_error", "created_at") SELECT "id", "org_id", "webhook_id", "event", "payload", "tries", "next_try_at", "delivered_at", "last_error", "created_at" FROM `webhook_outbox`;--> statement-breakpoint
DROP TABLE `webhook_outbox`;--> statement-breakpoint
ALTER TABLE `__new_webhook_outbox` RENAME TO `webhook_outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `webhook_outbox_due` ON `webhook_outbox` (`next_try_at`) WHERE delivered_at is null and failed_at is null;--> statement-breakpoint
CREATE INDEX `webhook_outbox_webhook` ON `webhook_outbox` (`webhook_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `webhook_outbox_org` ON `webhook_outbox` (`org_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outbox_id` text NOT NULL,
	`org_id` text NOT NULL,
	`webhook_id` text,
	`try_number` integer NOT NULL,
	`at` integer NOT NULL,
	`status_code` integer,
	`latency_ms` integer,
	`response_excerpt` text,
	`error` text,
	FOREIGN KEY (`outbox_id`) REFERENCES `webhook_outbox`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_webhook` ON `webhook_deliveries` (`webhook_id`,`at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_outbox` ON `webhook_deliveries` (`outbox_id`);--> statement-breakpoint
ALTER TABLE `api_keys` ADD `scopes` text DEFAULT '["read"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `invitations` ADD `source` text;--> statement-breakpoint
ALTER TABLE `invitations` ADD `partner_callback_url` text;--> statement-breakpoint
ALTER TABLE `invitations` ADD `partner_candidate_url` text;--> statement-breakpoint
ALTER TABLE `invitations` ADD `partner_api_key_id` text REFERENCES api_keys(id);--> statement-breakpoint
ALTER TABLE `invitations` ADD `partner_credential` text;--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_partner_callback` ON `invitations` (`org_id`,`partner_callback_url`) WHERE partner_callback_url is not null;--> statement-breakpoint
ALTER TABLE `webhooks` ADD `description` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `webhooks` ADD `previous_secret` text;--> statement-breakpoint
ALTER TABLE `webhooks` ADD `previous_secret_expires_at` integer;--> statement-breakpoint
ALTER TABLE `webhooks` ADD `disabled_at` integer;--> statement-breakpoint
ALTER TABLE `webhooks` ADD `created_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `webhooks` ADD `updated_at` integer;--> statement-breakpoint
ALTER TABLE `webhooks` DROP COLUMN `active`;