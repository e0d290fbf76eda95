# expect: failed
# failing-check: exception
# feedback-contains: sys.exit(0)
# hostile: yes
# Exits "successfully" while the module is being defined.
import sys

print("PASSED")
sys.exit(0)
