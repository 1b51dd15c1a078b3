CREATE TABLE `bank_generation` (
	`id` integer PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `bank_generation` (`id`, `n`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `bank_generation_on_insert` AFTER INSERT ON `questions`
BEGIN
	UPDATE `bank_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `bank_generation_on_update` AFTER UPDATE ON `questions`
BEGIN
	UPDATE `bank_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `bank_generation_on_delete` AFTER DELETE ON `questions`
BEGIN
	UPDATE `bank_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
