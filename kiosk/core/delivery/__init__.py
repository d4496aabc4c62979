"""Delivering stored information requests to the clinic: SMTP email and HTTPS webhooks.

Qt-free. ``outbox.Outbox`` claims due deliveries from the request store and sends each through
its channel; ``outbox.DeliveryWorker`` runs it on a background thread. Delivery is
at-least-once, so every message carries the request id for the receiver to dedupe on.
"""
