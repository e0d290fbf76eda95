# expect: failed
# failing-check: values
# mistake: left jumps to last[c] + 1 even when that occurrence is already left of the window, so the window moves backwards and grows over a repeat ("abba" gives 3); use left = max(left, last[c] + 1)
# mistake-zh: 即使字符上次出现的位置已经在窗口左边，left 也跳到 last[c] + 1，窗口往回退并包含了重复字符（“abba” 得到 3）；应为 left = max(left, last[c] + 1)


def length_of_longest_substring(s):
    last = {}
    left = best = 0
    for right, ch in enumerate(s):
        if ch in last:
            left = last[ch] + 1  # should be max(left, last[ch] + 1)
        last[ch] = right
        best = max(best, right - left + 1)
    return best
