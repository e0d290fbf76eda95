"""Grading across machines: web instances put submissions on a Redis queue (arq) and wait for
the verdict; `mianjing worker` processes grade them with the same warm, sandboxed pool.

protocol.py  key names, the JSON job format and the verdict reply (no pickle on the wire)
client.py    RemoteGrader: the web's grader when MIANJING_QUEUE_URL is set
worker.py    the worker: arq plus a doorbell (no polling delay) and a heartbeat
"""
