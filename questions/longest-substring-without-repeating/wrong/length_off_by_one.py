# expect: failed
# failing-check: values
# mistake: the window length is computed as right - left, one short; the window s[left..right] has right - left + 1 characters
# mistake-zh: 窗口长度算成了 right - left，少了 1；窗口 s[left..right] 有 right - left + 1 个字符


def length_of_longest_substring(s):
    last = {}
    left = best = 0
    for right, ch in enumerate(s):
        if ch in last and last[ch] >= left:
            left = last[ch] + 1
        last[ch] = right
        best = max(best, right - left)  # should be right - left + 1
    return best
