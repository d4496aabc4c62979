"""Patients' requests for more information: validation, durable storage, export, retention.

Qt-free: the form (kiosk.ui) calls :func:`validate_request` and :meth:`RequestStore.submit`;
the delivery outbox (issue 6) works on the ``deliveries`` table through the same store.
"""
