"""Anonymous surveys (eNPS, gap, own questions): create, answer (sealed until closing), close,
results; no Slack here."""
